output "web_acl_arn" {
  description = "Web ACL for the public Application Load Balancer (the overlay's waf_acl_arn, which the Ingress names)."
  value       = aws_wafv2_web_acl.this.arn
}
