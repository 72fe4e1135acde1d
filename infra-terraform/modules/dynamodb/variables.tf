variable "table_name" {
  description = "Name of the table (the service's medicore.<service>.dynamodb.table)."
  type        = string
  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name: 3 to 255 of a-z, A-Z, 0-9, _, -, '.'."
  }
}

variable "contents" {
  description = "What the table holds, for its key's description (\"patient records\")."
  type        = string
}

variable "deletion_protection" {
  description = "Refuse to delete the table."
  type        = bool
}

variable "hash_key" {
  description = "Partition key attribute (a string)."
  type        = string
}

variable "range_key" {
  description = "Sort key attribute (a string), or null for a table keyed by the partition key alone."
  type        = string
  default     = null
}

variable "indexes" {
  description = "Global secondary indexes by name: their partition (hash) and sort (range) string attributes."
  type        = map(object({ hash = string, range = string }))
}

variable "item_actions" {
  description = "DynamoDB actions the owning service needs on items and indexes, named one by one."
  type        = list(string)
  validation {
    condition     = alltrue([for action in var.item_actions : can(regex("^dynamodb:[A-Za-z]+$", action))])
    error_message = "item_actions: DynamoDB actions without wildcards, like dynamodb:GetItem."
  }
}
