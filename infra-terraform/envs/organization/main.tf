# The organisation's management account, not an environment: the guard rails every MediCore
# account lives under. Applied once, by the organisation's administrators, before dev and prod.
provider "aws" {
  region = "eu-central-1"

  default_tags {
    tags = {
      Project   = "medicore"
      ManagedBy = "terraform"
      Owner     = "medicore-platform"
    }
  }
}

data "aws_region" "current" {}

module "residency" {
  source          = "../../modules/residency"
  regions         = { default = data.aws_region.current.region }
  allowed_regions = module.eu_region_scp.allowed_regions
}

module "eu_region_scp" {
  source = "../../modules/eu_region_scp"
  # The OU of the MediCore accounts (aws organizations list-organizational-units-for-parent).
  target_ids = var.medicore_ou_ids
}

variable "medicore_ou_ids" {
  description = "Organizational units (ou-...) or accounts of MediCore the policy is attached to."
  type        = list(string)
  default     = []
}

output "eu_region_scp_id" {
  description = "Service control policy denying regions outside the EU."
  value       = module.eu_region_scp.policy_id
}
