variable "name" {
  description = "Prefix of the vaults, plan and role, e.g. medicore-dev."
  type        = string
}

variable "resource_arns" {
  description = "What is backed up, by a name for the reader: the RDS instances and DynamoDB tables."
  type        = map(string)
}

variable "retention_days" {
  description = "Days each daily recovery point is kept, in this region and in the copy region."
  type        = number
}

variable "vault_lock" {
  description = "Lock both vaults in compliance mode (production): after a 3-day grace period no one, root included, can delete recovery points before retention_days or shorten it."
  type        = bool
}
