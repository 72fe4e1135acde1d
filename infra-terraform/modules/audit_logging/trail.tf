# Every API call in every region (management events), and every read and write of an object of
# the PHI buckets and of an item of the PHI tables (data events). Log files are digested
# hourly (log file validation) and encrypted with the logs key; with organization_id set in the
# management account, the same trail covers every member account.
resource "aws_cloudtrail" "this" {
  name                          = local.trail
  s3_bucket_name                = aws_s3_bucket.audit.id
  s3_key_prefix                 = "cloudtrail"
  kms_key_id                    = aws_kms_key.logs.arn
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  is_organization_trail         = var.organization_id != ""

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  advanced_event_selector {
    name = "PHI objects"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = [for arn in var.phi_bucket_arns : "${arn}/"]
    }
  }

  advanced_event_selector {
    name = "PHI table items"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::DynamoDB::Table"]
    }
    field_selector {
      field  = "resources.ARN"
      equals = var.phi_table_arns
    }
  }

  depends_on = [aws_s3_bucket_policy.audit, aws_kms_key_policy.logs]
}

# Every accepted and rejected connection of the VPC, in the audit bucket.
resource "aws_flow_log" "vpc" {
  vpc_id               = var.vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "${aws_s3_bucket.audit.arn}/flow-logs/"
  destination_options {
    file_format                = "parquet"
    per_hour_partition         = true
    hive_compatible_partitions = false
  }
  depends_on = [aws_s3_bucket_policy.audit, aws_kms_key_policy.logs]
}
