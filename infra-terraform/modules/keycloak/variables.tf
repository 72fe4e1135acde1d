variable "name" {
  description = "Prefix of Keycloak's resources (<name>-keycloak) and of its secret names (<name>/keycloak-*)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of Keycloak's database."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of Keycloak's database."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups, by the name of their workload (static keys, known at plan time), allowed to reach the database: Keycloak's pods' and postgres-init's (security groups for pods)."
  type        = map(string)
}

variable "db_instance_class" {
  description = "RDS instance class of Keycloak's database."
  type        = string
}

variable "multi_az" {
  description = "Standby of Keycloak's database in a second availability zone."
  type        = bool
}

variable "deletion_protection" {
  description = "Refuse to delete Keycloak's database."
  type        = bool
}

variable "backup_retention_days" {
  description = "Days of automated backups of Keycloak's database."
  type        = number
}

variable "secrets_kms_key_arn" {
  description = "KMS key for Keycloak's secrets (the secrets module's)."
  type        = string
}

variable "recovery_window_days" {
  description = "Days a deleted secret can be restored (0 deletes at once, dev only)."
  type        = number
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the database's CloudWatch log group (the audit_logging module's logs key)."
  type        = string
}

variable "log_retention_days" {
  description = "Days the database's CloudWatch log group keeps events."
  type        = number
}

variable "rotation_lambda_arns" {
  description = "AWS's PostgreSQL rotation functions of the secrets module: single, and multi-keycloak (may read this instance's master secret)."
  type        = map(string)
}

variable "rotation_days" {
  description = "Days between two rotations of a database login."
  type        = number
}

variable "jdbc_tls_parameters" {
  description = "Query of Keycloak's JDBC URL: verify-full against the RDS CA bundle, as modules/secrets checks and outputs it."
  type        = string
}
