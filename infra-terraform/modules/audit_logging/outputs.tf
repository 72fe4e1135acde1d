output "log_kms_key_arn" {
  description = "KMS key of the platform's CloudWatch log groups, the trail and the audit bucket."
  value       = aws_kms_key.logs.arn
}

output "access_logs_bucket" {
  description = "Bucket of the load balancers' and S3's access logs (SSE-S3: the only encryption those deliveries accept)."
  value       = aws_s3_bucket.access.id
}

output "alb_access_logs_prefix" {
  description = "Prefix of the public Application Load Balancer's access logs (the Ingress's load-balancer-attributes)."
  value       = local.alb_prefix
}

output "nlb_access_logs_prefix" {
  description = "Prefix under which the internal Network Load Balancers write their access logs."
  value       = local.nlb_prefix
}

output "s3_access_logs_prefix" {
  description = "Prefix under which buckets write their server access logs (<prefix><bucket>/)."
  value       = local.s3_prefix
}

output "audit_bucket" {
  description = "Bucket of CloudTrail, AWS Config and VPC flow logs (SSE-KMS)."
  value       = aws_s3_bucket.audit.id
}

output "trail_arn" {
  description = "The CloudTrail trail."
  value       = aws_cloudtrail.this.arn
}

output "guardduty_detector_id" {
  description = "GuardDuty detector of the account and region."
  value       = aws_guardduty_detector.this.id
}
