# Residency as code: a plan whose provider configurations point anywhere outside the allow-list
# stops here, before anything is created (a precondition is evaluated at plan).
resource "terraform_data" "residency" {
  input = var.regions
  lifecycle {
    precondition {
      condition     = alltrue([for provider, region in var.regions : contains(var.allowed_regions, region)])
      error_message = "MediCore keeps patient data in ${join(", ", var.allowed_regions)} only; outside them: ${join(", ", [for provider, region in var.regions : "${provider}=${region}" if !contains(var.allowed_regions, region)])}."
    }
  }
}
