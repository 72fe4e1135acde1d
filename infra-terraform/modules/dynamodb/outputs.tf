output "table_name" {
  description = "Name of the table."
  value       = aws_dynamodb_table.this.name
}

output "table_arn" {
  description = "ARN of the table."
  value       = aws_dynamodb_table.this.arn
}

output "kms_key_arn" {
  description = "Customer managed key encrypting the table."
  value       = aws_kms_key.this.arn
}

output "access_policy_json" {
  description = "IAM policy (JSON) for the owning service: its item actions on the table and its indexes, its key; nothing else."
  value       = data.aws_iam_policy_document.access.json
}
