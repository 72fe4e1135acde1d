output "cluster_arn" {
  description = "ARN of the MSK cluster."
  value       = aws_msk_cluster.this.arn
}

output "bootstrap_brokers_iam" {
  description = "Bootstrap servers of the IAM-authenticated TLS listener (port 9098)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_iam
}

output "client_policy_json" {
  description = "IAM policy (JSON) for MediCore's Kafka clients."
  value       = data.aws_iam_policy_document.client.json
}
