provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Project            = "medicore"
      Environment        = "dev"
      ManagedBy          = "terraform"
      DataClassification = "phi"
      Owner              = "medicore-platform"
    }
  }
}

# The second region of the backup copies (AWS Backup), in the EU as well.
provider "aws" {
  alias  = "backup_copy"
  region = "eu-west-1"

  default_tags {
    tags = {
      Project            = "medicore"
      Environment        = "dev"
      ManagedBy          = "terraform"
      DataClassification = "phi"
      Owner              = "medicore-platform"
    }
  }
}

module "platform" {
  source = "../../modules/platform"
  providers = {
    aws             = aws
    aws.backup_copy = aws.backup_copy
  }
  environment               = "dev"
  vpc_cidr                  = "10.40.0.0/16"
  az_count                  = 2
  production_grade          = false
  eks_public_endpoint_cidrs = []
  eks_node_instance_types   = ["m7g.large"]
  eks_node_counts           = { min = 2, desired = 2, max = 4 }
  db_instance_class         = "db.t4g.medium"
  msk_broker_instance_type  = "kafka.t3.small"
  lab_reports_bucket_name   = "medicore-dev-lab-reports"
  fhir_exports_bucket_name  = "medicore-dev-fhir-exports"
  auth_url                  = "https://auth.dev.medicore.example"
  portal_host               = "portal.dev.medicore.example"
  portal_origin_host        = "origin.portal.dev.medicore.example"
  # ACM certificate of portal_host in us-east-1 (CloudFront's certificates live there).
  portal_certificate_arn = "arn:aws:acm:us-east-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"

  lab_processor_artifact_bucket = "medicore-dev-artifacts"
  lab_processor_artifact_key    = "lab-processor/lab-processor-0.1.0-lambda.zip"

  hipaa_conformance_pack_template_s3_uri = "s3://medicore-dev-artifacts/config/Operational-Best-Practices-for-HIPAA-Security.yaml"
}

output "platform" {
  description = "Names and endpoints of the environment (see modules/platform/outputs.tf)."
  value       = module.platform
}
