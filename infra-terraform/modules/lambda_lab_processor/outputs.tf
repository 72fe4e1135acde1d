output "function_arn" {
  description = "ARN of the lab processor function."
  value       = aws_lambda_function.this.arn
}

output "function_name" {
  description = "Name of the lab processor function."
  value       = aws_lambda_function.this.function_name
}

output "role_arn" {
  description = "Execution role of the function."
  value       = aws_iam_role.this.arn
}

output "security_group_id" {
  description = "Security group of the function (outbound only); services it calls admit it."
  value       = aws_security_group.this.id
}

output "failed_queue_url" {
  description = "SQS queue of the uploads the function failed on (event and error), to replay once fixed."
  value       = aws_sqs_queue.failed.url
}

output "client_certificate_secret_arn" {
  description = "Secrets Manager secret of the function's gRPC client certificate (read by the function only)."
  value       = aws_secretsmanager_secret.client_certificate.arn
}

output "client_certificate_push_policy_json" {
  description = "IAM policy (JSON) for External Secrets to push the function's client certificate into its secret."
  value       = data.aws_iam_policy_document.client_certificate_push.json
}
