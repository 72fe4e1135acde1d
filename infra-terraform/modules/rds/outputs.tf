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
