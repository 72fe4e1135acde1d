variable "name" {
  description = "Name of the MSK cluster."
  type        = string
}

variable "kafka_version" {
  description = "Apache Kafka version of the cluster (MSK KRaft versions end in .kraft where offered)."
  type        = string
}

variable "broker_instance_type" {
  description = "Broker instance type, e.g. kafka.t3.small (dev) or kafka.m7g.large (prod)."
  type        = string
  validation {
    condition     = startswith(var.broker_instance_type, "kafka.")
    error_message = "broker_instance_type must be an MSK type such as kafka.m7g.large."
  }
}

variable "broker_volume_gb" {
  description = "EBS storage per broker in GiB."
  type        = number
}

variable "vpc_id" {
  description = "VPC of the brokers."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one broker per subnet (2 or 3)."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups, by the name of their workload (static keys, known at plan time), allowed to connect, and no one else: those of the pods that use Kafka and the lab processor Lambda's."
  type        = map(string)
}

variable "default_partitions" {
  description = "Partitions of topics created on first use (the medicore.*.v1 topics); caps the useful replicas of a consumer group."
  type        = number
  validation {
    condition     = var.default_partitions >= 1
    error_message = "default_partitions must be at least 1."
  }
}
