output "bucket_name" {
  description = "Name of the lab report bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the lab report bucket."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "Customer managed key encrypting the reports."
  value       = aws_kms_key.this.arn
}

output "processor_access_policy_json" {
  description = "IAM policy (JSON) for lab-processor, Lambda and Deployment: its prefixes of this bucket and its key."
  value       = data.aws_iam_policy_document.processor.json
}

output "eraser_access_policy_json" {
  description = "IAM policy (JSON) for the lab-processor Deployment's erasures: every version of its reports, listed and deleted."
  value       = data.aws_iam_policy_document.eraser.json
}
