# Residency enforced by AWS, not only by this Terraform: a service control policy for the
# organisation's management account to attach to the OUs or accounts holding MediCore. It denies
# every request for a region outside allowed_regions, but for the global services whose calls
# AWS routes to us-east-1 (IAM, Organizations, STS's global endpoint, CloudFront, Route 53, WAF
# Classic, support, billing), and but for the break-glass roles, which keep a way to repair.
data "aws_iam_policy_document" "deny_outside_allowed_regions" {
  statement {
    sid         = "DenyRequestsOutsideTheAllowedRegions"
    effect      = "Deny"
    not_actions = var.global_service_actions
    resources   = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = var.allowed_regions
    }
    condition {
      test     = "ArnNotLike"
      variable = "aws:PrincipalARN"
      values   = var.exempt_role_arns
    }
  }
}

resource "aws_organizations_policy" "this" {
  name        = var.name
  description = "Deny AWS requests outside ${join(", ", var.allowed_regions)} (global services excepted)"
  type        = "SERVICE_CONTROL_POLICY"
  content     = data.aws_iam_policy_document.deny_outside_allowed_regions.json
}

resource "aws_organizations_policy_attachment" "this" {
  for_each  = toset(var.target_ids)
  policy_id = aws_organizations_policy.this.id
  target_id = each.value
}
