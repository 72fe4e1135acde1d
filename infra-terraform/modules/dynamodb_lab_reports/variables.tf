variable "table_name" {
  description = "Name of the lab report table (lab-processor: medicore.lab.dynamodb.table)."
  type        = string
  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name: 3 to 255 of a-z, A-Z, 0-9, _, -, '.'."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the table."
  type        = bool
}
