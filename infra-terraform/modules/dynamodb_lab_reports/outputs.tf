output "table_name" {
  description = "Name of the lab report table (lab-processor: medicore.lab.dynamodb.table)."
  value       = aws_dynamodb_table.reports.name
}

output "table_arn" {
  description = "ARN of the lab report table."
  value       = aws_dynamodb_table.reports.arn
}

output "kms_key_arn" {
  description = "Customer managed key encrypting the table."
  value       = aws_kms_key.this.arn
}

output "access_policy_json" {
  description = "IAM policy (JSON) for lab-processor, Lambda and Deployment: its table, its indexes, its key; nothing else."
  value       = data.aws_iam_policy_document.access.json
}
