output "master_password" {
  description = "Master password for the services' RDS instance."
  value       = random_password.master.result
  sensitive   = true
}

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
  value       = merge({ for key, secret in aws_secretsmanager_secret.this : key => secret.arn }, { alerting = aws_secretsmanager_secret.alerting.arn })
}

output "read_policy_json" {
  description = "IAM policy (JSON) to read these secrets."
  value       = data.aws_iam_policy_document.read.json
}
