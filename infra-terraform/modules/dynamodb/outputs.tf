output "table_name" {
  description = "Name of the patient table."
  value       = aws_dynamodb_table.patients.name
}

output "table_arn" {
  description = "ARN of the patient table."
  value       = aws_dynamodb_table.patients.arn
}

output "kms_key_arn" {
  description = "Customer managed key encrypting the table."
  value       = aws_kms_key.this.arn
}

output "service_access_policy_json" {
  description = "IAM policy (JSON) for patient-service: its table, its indexes, its key; nothing else."
  value       = data.aws_iam_policy_document.service_access.json
}
