output "db_address" {
  description = "Host name of Keycloak's database."
  value       = module.database.address
}

output "secret_arns" {
  description = "ARN of each Keycloak secret, by short name."
  value       = { for key, secret in aws_secretsmanager_secret.this : key => secret.arn }
}

output "read_policy_json" {
  description = "IAM policy (JSON) to read Keycloak's secrets (decryption: the secrets module's policy)."
  value       = data.aws_iam_policy_document.read.json
}

output "db_arn" {
  description = "ARN of Keycloak's database instance (AWS Backup's selection)."
  value       = module.database.arn
}

output "master_secret_arn" {
  description = "Secret RDS keeps the master credentials of Keycloak's instance in (rotation functions only)."
  value       = module.database.master_user_secret_arn
}

output "db_security_group_id" {
  description = "Security group of Keycloak's database."
  value       = module.database.security_group_id
}
