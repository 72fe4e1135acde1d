output "bucket_name" {
  description = "Name of the export bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the export bucket."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "Customer managed key encrypting the export files."
  value       = aws_kms_key.this.arn
}

output "exporter_access_policy_json" {
  description = "IAM policy (JSON) for fhir-api's pods: its prefix of this bucket and its key."
  value       = data.aws_iam_policy_document.exporter.json
}
