# One service's DynamoDB table: string keys, on-demand billing, global secondary indexes
# projecting ALL, point-in-time recovery, encryption with a key of its own (one key per store),
# and the owning service's policy. The platform makes the patient table (patient-service) and
# the lab report table (lab-processor) with it, each with the keys its service designed.
resource "aws_kms_key" "this" {
  description         = "${var.table_name}: DynamoDB encryption at rest (${var.contents}, PHI)"
  enable_key_rotation = true
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.table_name}"
  target_key_id = aws_kms_key.this.key_id
}

locals {
  key_attributes = toset(concat(compact([var.hash_key, var.range_key]), flatten([for index in values(var.indexes) : [index.hash, index.range]])))
}

resource "aws_dynamodb_table" "this" {
  name                        = var.table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = var.hash_key
  range_key                   = var.range_key
  deletion_protection_enabled = var.deletion_protection

  dynamic "attribute" {
    for_each = local.key_attributes
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.indexes
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

# The patient table was this module's only table, under this name: keep it, do not replace it.
moved {
  from = aws_dynamodb_table.patients
  to   = aws_dynamodb_table.this
}

# What the owning service does: the item actions it names, on the table and its indexes (by
# ARN), and its key. No table management: the services create their table only where it is
# missing, locally.
data "aws_iam_policy_document" "access" {
  statement {
    sid       = "TableItems"
    actions   = var.item_actions
    resources = concat([aws_dynamodb_table.this.arn], [for index in keys(var.indexes) : "${aws_dynamodb_table.this.arn}/index/${index}"])
  }
  statement {
    sid       = "TableKey"
    actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [aws_kms_key.this.arn]
  }
}
