# The table of lab-processor (domain-services/lab-processor, ReportTable): reports and their
# outbox entries under one string key pk, on-demand billing, two sparse global secondary
# indexes projecting ALL. Encrypted with its own key, one key per store.
resource "aws_kms_key" "this" {
  description         = "${var.table_name}: DynamoDB encryption at rest (lab reports, PHI)"
  enable_key_rotation = true
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.table_name}"
  target_key_id = aws_kms_key.this.key_id
}

locals {
  indexes = {
    "outbox-pending"     = { hash = "pending", range = "pending_order" }
    "reports-by-patient" = { hash = "patient_id", range = "created_order" }
  }
  key_attributes = toset(concat(["pk"], flatten([for index in values(local.indexes) : [index.hash, index.range]])))
}

resource "aws_dynamodb_table" "reports" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = local.key_attributes
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = local.indexes
    content {
      name            = global_secondary_index.key
      hash_key        = global_secondary_index.value.hash
      range_key       = global_secondary_index.value.range
      projection_type = "ALL"
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.this.arn
  }
}

# What lab-processor (the Lambda and the Deployment) does with its table: item reads and writes,
# final status and event in one transaction (checked per item: Put, Update, ConditionCheck),
# queries on its two indexes, and DescribeTable at start. The table exists, so no table
# management; no Scan, no DeleteItem.
data "aws_iam_policy_document" "access" {
  statement {
    sid = "LabReportItems"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
      "dynamodb:DescribeTable",
    ]
    resources = concat(
      [aws_dynamodb_table.reports.arn],
      [for index in keys(local.indexes) : "${aws_dynamodb_table.reports.arn}/index/${index}"],
    )
  }
  statement {
    sid       = "LabReportTableKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.this.arn]
  }
}
