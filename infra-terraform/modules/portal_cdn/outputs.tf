output "bucket_name" {
  description = "Bucket of the portal's built files (web-portal/dist): aws s3 sync them here (README.md, \"Portal behind CloudFront\")."
  value       = aws_s3_bucket.this.bucket
}

output "distribution_id" {
  description = "CloudFront distribution id, for invalidations of index.html after a release."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_domain_name" {
  description = "The distribution's own domain name: the target of portal_host's DNS alias record."
  value       = aws_cloudfront_distribution.this.domain_name
}
