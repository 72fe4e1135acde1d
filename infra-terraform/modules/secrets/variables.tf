variable "name" {
  description = "Prefix of the secret names: <name>/<secret> (the Kubernetes ExternalSecrets use the same)."
  type        = string
}

variable "recovery_window_days" {
  description = "Days a deleted secret can be restored (0 deletes at once, dev only)."
  type        = number
  validation {
    condition     = var.recovery_window_days == 0 || (var.recovery_window_days >= 7 && var.recovery_window_days <= 30)
    error_message = "recovery_window_days must be 0 or between 7 and 30."
  }
}

variable "db_address" {
  description = "Host name of the services' RDS instance."
  type        = string
}

variable "db_port" {
  description = "Port of the services' RDS instance."
  type        = number
}

variable "db_maintenance_database" {
  description = "Database the master user connects to for administration."
  type        = string
}

variable "kafka_bootstrap_brokers" {
  description = "Bootstrap servers of MSK for the services."
  type        = string
}

variable "master_secret_arns" {
  description = "Master secret of every instance whose logins rotate here, by a fixed name (services, keycloak): each gets a multi-user rotation function that may read it."
  type        = map(string)
}

variable "vpc_id" {
  description = "VPC of the rotation functions."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets of the rotation functions."
  type        = list(string)
}

variable "database_security_group_ids" {
  description = "Security groups of the instances whose logins rotate, by a fixed name: each admits the rotation functions on 5432."
  type        = map(string)
}

variable "rotation_days" {
  description = "Days between two rotations of a database login."
  type        = number
  validation {
    condition     = var.rotation_days >= 1 && var.rotation_days <= 365
    error_message = "rotation_days must be between 1 and 365."
  }
}

variable "log_retention_days" {
  description = "Days the rotation functions' log groups keep events."
  type        = number
}

variable "log_kms_key_arn" {
  description = "KMS key of the rotation functions' log groups (the audit_logging module's logs key)."
  type        = string
}

variable "jdbc_tls_parameters" {
  description = "Query of every JDBC URL this module writes: sslmode=verify-full and the sslrootcert path of the RDS CA bundle in the containers."
  type        = string
  validation {
    condition     = can(regex("^sslmode=verify-full&sslrootcert=/[^&]+$", var.jdbc_tls_parameters))
    error_message = "Only verify-full against a CA bundle: require or verify-ca would accept a server that is not the database's host."
  }
}
