variable "name" {
  description = "Identifier of the DB instance and prefix of its companions (subnet group, security group, key)."
  type        = string
}

variable "database_name" {
  description = "Database created with the instance (others are created by the postgres-init Job)."
  type        = string
}

variable "master_username" {
  description = "Master user name."
  type        = string
}

variable "master_secret_kms_key_arn" {
  description = "KMS key of the master user's secret, which RDS manages and rotates (the secrets module's key)."
  type        = string
}

variable "instance_class" {
  description = "RDS instance class, e.g. db.t4g.medium."
  type        = string
  validation {
    condition     = startswith(var.instance_class, "db.")
    error_message = "instance_class must be an RDS class such as db.t4g.medium."
  }
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB; grows automatically up to four times this."
  type        = number
  validation {
    condition     = var.allocated_storage_gb >= 20
    error_message = "allocated_storage_gb must be at least 20."
  }
}

variable "multi_az" {
  description = "Standby in a second availability zone (prod)."
  type        = bool
}

variable "deletion_protection" {
  description = "Refuse to delete the instance; a final snapshot is taken when it is off and the instance goes."
  type        = bool
}

variable "backup_retention_days" {
  description = "Days of automated backups (point-in-time restore window)."
  type        = number
  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be between 1 and 35."
  }
}

variable "vpc_id" {
  description = "VPC of the instance."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the DB subnet group."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups, by the name of their workload (static keys, known at plan time), allowed to connect on 5432: those of the workloads whose logins live on this instance (security groups for pods)."
  type        = map(string)
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the CloudWatch log group (the audit_logging module's logs key)."
  type        = string
}

variable "log_retention_days" {
  description = "Days the CloudWatch log group keeps events."
  type        = number
}
