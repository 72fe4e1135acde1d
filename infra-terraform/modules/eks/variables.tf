variable "name" {
  description = "Name of the EKS cluster and prefix of its IAM roles."
  type        = string
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane, e.g. 1.33."
  type        = string
  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like 1.33."
  }
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets for the control plane's network interfaces and the nodes."
  type        = list(string)
  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "EKS needs subnets in at least two availability zones."
  }
}

variable "public_endpoint_cidrs" {
  description = "Ranges allowed to reach the public API endpoint; empty keeps the endpoint private only."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
}

variable "node_min_size" {
  description = "Minimum number of nodes."
  type        = number
}

variable "node_desired_size" {
  description = "Number of nodes at creation (the cluster autoscaler changes it later)."
  type        = number
}

variable "node_max_size" {
  description = "Maximum number of nodes."
  type        = number
  validation {
    condition     = var.node_max_size >= 1
    error_message = "node_max_size must be at least 1."
  }
}

variable "pod_identities" {
  description = "AWS access of Kubernetes service accounts through EKS Pod Identity: key = role suffix, namespace and service account, and the IAM policy documents (JSON) the role gets."
  type = map(object({
    namespace       = string
    service_account = string
    policy_jsons    = list(string)
  }))
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the CloudWatch log group (the audit_logging module's logs key)."
  type        = string
}

variable "log_retention_days" {
  description = "Days the CloudWatch log group keeps events."
  type        = number
}

variable "pod_security_groups" {
  description = "Workloads (the app.kubernetes.io/name of their pods) that get a security group of their own through a SecurityGroupPolicy: those that reach RDS, MSK or an internal balancer."
  type        = set(string)
}
