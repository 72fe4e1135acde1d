output "dns_name" {
  description = "DNS name of the internal balancer; callers use <dns_name>:<port>."
  value       = aws_lb.this.dns_name
}

output "target_group_arn" {
  description = "Target group the TargetGroupBinding of infra-terraform/kubernetes registers the pods in."
  value       = aws_lb_target_group.this.arn
}
