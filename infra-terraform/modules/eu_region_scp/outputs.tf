output "policy_id" {
  description = "Id of the service control policy."
  value       = aws_organizations_policy.this.id
}

output "allowed_regions" {
  description = "Regions the policy allows."
  value       = var.allowed_regions
}
