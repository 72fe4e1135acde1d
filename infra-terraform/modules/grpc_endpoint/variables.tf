variable "name" {
  description = "Name of the balancer and its target group (at most 32 characters)."
  type        = string
  validation {
    condition     = length(var.name) <= 32
    error_message = "name must have at most 32 characters (a load balancer's limit)."
  }
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets the internal balancer lives in (the balancers' subnets of modules/network, where no pod lives)."
  type        = list(string)
}

variable "port" {
  description = "The service's gRPC port, on the balancer and on the pods."
  type        = number
}

variable "health_check_port" {
  description = "The pods' management port, where the readiness group answers."
  type        = number
}

variable "health_check_path" {
  description = "HTTP path of the readiness group on the management port."
  type        = string
}

variable "target_security_group_id" {
  description = "Security group of the service's pods (its own, given by a SecurityGroupPolicy)."
  type        = string
}

variable "client_security_group_ids" {
  description = "Security groups of the callers allowed in, by a name for the rule (static keys, known at plan time)."
  type        = map(string)
}

variable "deletion_protection" {
  description = "Protect the balancer from deletion (production)."
  type        = bool
}

variable "access_logs_bucket" {
  description = "Bucket of the balancer's access logs (audit_logging's access logs bucket, SSE-S3)."
  type        = string
}

variable "access_logs_prefix" {
  description = "Prefix of the balancer's access logs in that bucket."
  type        = string
}
