output "address" {
  description = "Host name of the instance."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "Port of the instance."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "Database created with the instance."
  value       = aws_db_instance.this.db_name
}

output "kms_key_arn" {
  description = "KMS key encrypting the storage."
  value       = aws_kms_key.this.arn
}

output "arn" {
  description = "ARN of the instance (AWS Backup's selection)."
  value       = aws_db_instance.this.arn
}

output "master_user_secret_arn" {
  description = "Secret RDS keeps the master credentials in: for the rotation functions (masterarn) and nothing in the cluster."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "security_group_id" {
  description = "Security group of the instance (the rotation functions are admitted to it)."
  value       = aws_security_group.this.id
}
