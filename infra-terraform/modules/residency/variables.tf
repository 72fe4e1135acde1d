variable "regions" {
  description = "Region of each AWS provider configuration of the environment, by configuration name (default, backup_copy, ...)."
  type        = map(string)
}

variable "allowed_regions" {
  description = "Regions where the environment may keep data."
  type        = list(string)
}
