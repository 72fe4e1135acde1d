output "partner_client_secret" {
  description = "Secret of the Keycloak client medicore-partner (the lab processor Lambda signs in with it)."
  value       = random_password.partner_client.result
  sensitive   = true
}

output "kms_key_arn" {
  description = "KMS key encrypting the secrets."
  value       = aws_kms_key.this.arn
}

output "secret_arns" {
  description = "ARN of each secret, by short name."
  value       = merge({ for key, secret in aws_secretsmanager_secret.this : key => secret.arn }, { for key, secret in aws_secretsmanager_secret.audit_key : key => secret.arn }, { alerting = aws_secretsmanager_secret.alerting.arn })
}

output "read_policy_json" {
  description = "IAM policy (JSON) to read these secrets."
  value       = data.aws_iam_policy_document.read.json
}

output "rotation_lambda_arns" {
  description = "AWS's PostgreSQL rotation functions: single (a login changes its own password) and multi-<instance> (alternating users)."
  value       = { for scheme, stack in aws_serverlessapplicationrepository_cloudformation_stack.rotation : scheme => stack.outputs["RotationLambdaARN"] }
}

output "rotation_security_group_id" {
  description = "Security group of the rotation functions."
  value       = aws_security_group.rotation.id
}

output "jdbc_tls_parameters" {
  description = "The JDBC URLs' query as this module checked it (verify-full against the RDS CA bundle), for Keycloak's URL."
  value       = var.jdbc_tls_parameters
}
