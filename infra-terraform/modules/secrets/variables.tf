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

variable "master_username" {
  description = "Master user of the services' RDS instance (used only by the postgres-init Job)."
  type        = string
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
