# AWS WAF in front of the public Application Load Balancer, which the AWS Load Balancer Controller
# creates from the Ingress and associates with this ACL (annotation wafv2-acl-arn). Shield
# Standard protects every ALB without configuration; Shield Advanced is a subscription per account.
locals {
  # AWS's managed rule groups, in the order they are evaluated: known bad addresses first.
  managed_rule_groups = {
    "ip-reputation"    = { priority = 10, name = "AWSManagedRulesAmazonIpReputationList" }
    "common"           = { priority = 20, name = "AWSManagedRulesCommonRuleSet" }
    "known-bad-inputs" = { priority = 30, name = "AWSManagedRulesKnownBadInputsRuleSet" }
    "sql-injection"    = { priority = 40, name = "AWSManagedRulesSQLiRuleSet" }
  }
}

resource "aws_wafv2_web_acl" "this" {
  name        = var.name
  description = "${var.name}: managed rule groups and rate limits on sign-in and patient registration"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  dynamic "rule" {
    for_each = local.managed_rule_groups
    content {
      name     = rule.key
      priority = rule.value.priority
      override_action {
        none {}
      }
      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.value.name
          # A GraphQL document may exceed the common set's 8 KB body limit; counted, not blocked.
          dynamic "rule_action_override" {
            for_each = rule.value.name == "AWSManagedRulesCommonRuleSet" ? ["SizeRestrictions_BODY"] : []
            content {
              name = rule_action_override.value
              action_to_use {
                count {}
              }
            }
          }
        }
      }
      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-${rule.key}"
        sampled_requests_enabled   = true
      }
    }
  }

  # Password guessing: Keycloak's token endpoint and its login form.
  rule {
    name     = "sign-in-rate"
    priority = 50
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = var.sign_in_limit
        aggregate_key_type = "IP"
        scope_down_statement {
          or_statement {
            statement {
              byte_match_statement {
                search_string         = "/protocol/openid-connect/token"
                positional_constraint = "ENDS_WITH"
                field_to_match {
                  uri_path {}
                }
                text_transformation {
                  priority = 0
                  type     = "LOWERCASE"
                }
              }
            }
            statement {
              byte_match_statement {
                search_string         = "/login-actions/authenticate"
                positional_constraint = "CONTAINS"
                field_to_match {
                  uri_path {}
                }
                text_transformation {
                  priority = 0
                  type     = "LOWERCASE"
                }
              }
            }
          }
        }
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-sign-in-rate"
      sampled_requests_enabled   = true
    }
  }

  # Account creation without a token (the BFF's registerPatient mutation): a cap per address.
  rule {
    name     = "register-patient-rate"
    priority = 60
    action {
      block {}
    }
    statement {
      rate_based_statement {
        limit              = var.registration_limit
        aggregate_key_type = "IP"
        scope_down_statement {
          and_statement {
            statement {
              byte_match_statement {
                search_string         = "/graphql"
                positional_constraint = "STARTS_WITH"
                field_to_match {
                  uri_path {}
                }
                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
            statement {
              byte_match_statement {
                search_string         = "registerPatient"
                positional_constraint = "CONTAINS"
                field_to_match {
                  body {
                    oversize_handling = "CONTINUE"
                  }
                }
                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }
        }
      }
    }
    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${var.name}-register-patient-rate"
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = var.name
    sampled_requests_enabled   = true
  }
}

# Every request WAF sees, kept for the retention given, tokens and cookies left out.
resource "aws_cloudwatch_log_group" "this" {
  name              = "aws-waf-logs-${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
}

resource "aws_wafv2_web_acl_logging_configuration" "this" {
  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.this.arn]
  redacted_fields {
    single_header {
      name = "authorization"
    }
  }
  redacted_fields {
    single_header {
      name = "cookie"
    }
  }
}
