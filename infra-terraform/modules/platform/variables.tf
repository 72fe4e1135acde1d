variable "environment" {
  description = "Environment name; resources are named medicore-<environment>."
  type        = string
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "environment must be dev or prod."
  }
}

variable "vpc_cidr" {
  description = "IPv4 range of the VPC."
  type        = string
}

variable "az_count" {
  description = "Availability zones used (2 or 3)."
  type        = number
}

variable "production_grade" {
  description = "Multi-AZ databases, a NAT gateway per zone, deletion protection, longer backups and secret recovery."
  type        = bool
}

variable "eks_public_endpoint_cidrs" {
  description = "Ranges allowed to reach the Kubernetes API from outside the VPC; empty keeps it private."
  type        = list(string)
}

variable "eks_node_instance_types" {
  description = "Instance types of the EKS node group."
  type        = list(string)
}

variable "eks_node_counts" {
  description = "Minimum, desired and maximum node count."
  type        = object({ min = number, desired = number, max = number })
  validation {
    condition     = var.eks_node_counts.min <= var.eks_node_counts.desired && var.eks_node_counts.desired <= var.eks_node_counts.max
    error_message = "eks_node_counts must satisfy min <= desired <= max."
  }
}

variable "db_instance_class" {
  description = "RDS instance class of the services' and Keycloak's databases."
  type        = string
}

variable "msk_broker_instance_type" {
  description = "MSK broker instance type."
  type        = string
}

variable "lab_reports_bucket_name" {
  description = "Globally unique name of the lab report bucket."
  type        = string
}

variable "fhir_exports_bucket_name" {
  description = "Globally unique name of fhir-api's bulk export bucket (the overlay's fhir_exports_bucket)."
  type        = string
}

variable "auth_url" {
  description = "Public URL of Keycloak (the overlay's auth_url), e.g. https://auth.medicore.example: the token issuer, and where the lab processor Lambda signs in."
  type        = string
  validation {
    condition     = startswith(var.auth_url, "https://") && !endswith(var.auth_url, "/")
    error_message = "auth_url must be an https URL without a trailing slash."
  }
}

variable "lab_processor_handler" {
  description = "Handler of the lab-processor Lambda, as the lab-processor module names it."
  type        = string
  default     = "org.medicore.lab.adapter.in.lambda.LabReportUploadedHandler::handleRequest"
}

variable "lab_processor_artifact_bucket" {
  description = "S3 bucket holding the lab-processor deployment jar."
  type        = string
}

variable "lab_processor_artifact_key" {
  description = "Key of the lab-processor deployment jar."
  type        = string
}

variable "allowed_regions" {
  description = "AWS regions where this environment may keep data (the EU's by default: GDPR residency)."
  type        = list(string)
  default     = ["eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1"]
}

variable "portal_host" {
  description = "The portal's public host name (the overlay's portal_host), served by CloudFront (modules/portal_cdn)."
  type        = string
}

variable "portal_origin_host" {
  description = "A DNS name of the public load balancer, CloudFront's origin for /graphql, /config.json and /unsubscribe (its certificate names portal_host)."
  type        = string
}

variable "portal_certificate_arn" {
  description = "ACM certificate of portal_host in us-east-1, for CloudFront."
  type        = string
}

variable "organization_id" {
  description = "AWS Organizations id when this environment runs in the organisation's management account (its trail then covers every account); empty otherwise."
  type        = string
  default     = ""
}

variable "hipaa_conformance_pack_template_s3_uri" {
  description = "s3:// URI of AWS's \"Operational Best Practices for HIPAA Security\" conformance pack template, copied into a bucket of the environment's region (README.md, \"Audit\")."
  type        = string
}
