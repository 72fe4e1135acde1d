output "regions" {
  description = "The regions checked, by provider configuration."
  value       = terraform_data.residency.output
}
