variable "name" {
  description = "Prefix of every resource name, e.g. medicore-dev."
  type        = string
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name: lower-case letters, digits and dashes, 3 to 31 characters."
  }
}

variable "cidr_block" {
  description = "IPv4 range of the VPC; split into one public and one private subnet per availability zone."
  type        = string
  validation {
    condition     = can(cidrnetmask(var.cidr_block))
    error_message = "cidr_block must be a CIDR range such as 10.40.0.0/16."
  }
}

variable "az_count" {
  description = "Number of availability zones to spread the subnets over (2 or 3)."
  type        = number
  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all private subnets (cheaper, for dev) instead of one per availability zone."
  type        = bool
}
