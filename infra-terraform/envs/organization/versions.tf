terraform {
  required_version = ">= 1.10"

  # Partial configuration: bucket, key and region are given at init (infra-terraform/README.md).
  backend "s3" {
    use_lockfile = true
    encrypt      = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
  }
}
