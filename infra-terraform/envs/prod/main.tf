provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Project            = "medicore"
      Environment        = "prod"
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
      Environment        = "prod"
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
  environment               = "prod"
  vpc_cidr                  = "10.50.0.0/16"
  az_count                  = 3
  production_grade          = true
  eks_public_endpoint_cidrs = []
  eks_node_instance_types   = ["m7g.xlarge"]
  eks_node_counts           = { min = 3, desired = 3, max = 9 }
  db_instance_class         = "db.r7g.large"
  msk_broker_instance_type  = "kafka.m7g.large"
  lab_reports_bucket_name   = "medicore-prod-lab-reports"
  fhir_exports_bucket_name  = "medicore-prod-fhir-exports"
  auth_url                  = "https://auth.medicore.example"
  portal_host               = "portal.medicore.example"
  portal_origin_host        = "origin.portal.medicore.example"
  # ACM certificate of portal_host in us-east-1 (CloudFront's certificates live there).
  portal_certificate_arn = "arn:aws:acm:us-east-1:000000000000:certificate/00000000-0000-0000-0000-000000000000"

  lab_processor_artifact_bucket = "medicore-prod-artifacts"
  lab_processor_artifact_key    = "lab-processor/lab-processor-0.1.0-lambda.zip"

  hipaa_conformance_pack_template_s3_uri = "s3://medicore-prod-artifacts/config/Operational-Best-Practices-for-HIPAA-Security.yaml"
}

output "platform" {
  description = "Names and endpoints of the environment (see modules/platform/outputs.tf)."
  value       = module.platform
}
