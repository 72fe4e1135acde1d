# The single table of patient-service (domain-services/patient-service/README.md): string keys
# pk/sk, on-demand billing, three global secondary indexes projecting ALL.
resource "aws_kms_key" "this" {
  description         = "${var.table_name}: DynamoDB encryption at rest (patient records, PHI)"
  enable_key_rotation = true
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.table_name}"
  target_key_id = aws_kms_key.this.key_id
}

locals {
  indexes = {
    "by-name"        = { hash = "name_pk", range = "name_sk" }
    "by-birth-date"  = { hash = "birth_pk", range = "birth_sk" }
    "outbox-pending" = { hash = "pending", range = "pending_order" }
  }
  key_attributes = toset(concat(["pk", "sk"], flatten([for index in values(local.indexes) : [index.hash, index.range]])))
}

resource "aws_dynamodb_table" "patients" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  range_key                   = "sk"
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

# What patient-service needs: item reads and writes, transactions, queries on its indexes.
# No Scan, no table management (the service creates the table only where it is missing, locally).
data "aws_iam_policy_document" "service_access" {
  statement {
    sid = "PatientTableItems"
    actions = [
      "dynamodb:GetItem",
      "dynamodb:BatchGetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:ConditionCheckItem",
      "dynamodb:Query",
      "dynamodb:DescribeTable",
    ]
    resources = concat(
      [aws_dynamodb_table.patients.arn],
      [for index in keys(local.indexes) : "${aws_dynamodb_table.patients.arn}/index/${index}"],
    )
  }
  statement {
    sid       = "PatientTableKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.this.arn]
  }
}
