resource "aws_kms_key" "this" {
  description         = "${var.name}: Secrets Manager secrets (database and client credentials)"
  enable_key_rotation = true
}

resource "random_password" "service_db" {
  for_each = local.service_databases
  length   = 32
  special  = false
}

resource "random_password" "audit_login" {
  for_each = local.audit_logins
  length   = 32
  special  = false
}

resource "random_password" "provisioner" {
  length  = 32
  special = false
}

resource "random_password" "partner_client" {
  length  = 48
  special = false
}

resource "random_password" "bff_client" {
  length  = 48
  special = false
}

resource "random_password" "account_eraser_client" {
  length  = 48
  special = false
}

# 32 random bytes, base64, as AuditKeys reads them. Like the passwords above, the value is in the
# state (marked sensitive; the state bucket is encrypted) and in the secret.
resource "random_bytes" "audit_key" {
  for_each = local.audit_keys
  length   = 32
}

# notification-service signs its unsubscribe links with it (HMAC-SHA256, at least 32 bytes).
resource "random_password" "notification_unsubscribe" {
  length  = 48
  special = false
}

locals {
  # Each database has a migration login, its owner, which only the migration Job uses, and
  # runtime logins with the rights the owner's migration grants them.
  service_databases = {
    "appointment-migration"  = { database = "appointments", username = "appointment_owner", scheme = "single" }
    "appointment-db"         = { database = "appointments", username = "appointment_service", scheme = "multi-services" }
    "billing-migration"      = { database = "billing", username = "billing_owner", scheme = "single" }
    "billing-db"             = { database = "billing", username = "billing_service", scheme = "multi-services" }
    "notification-migration" = { database = "notifications", username = "notification_owner", scheme = "single" }
    "notification-db"        = { database = "notifications", username = "notification_service", scheme = "multi-services" }
    # Owner of the audit trail (service-support's audit migration): the migration Job only.
    "audit-db" = { database = "audit", username = "medicore_audit_owner", scheme = "single" }
  }
  # The audit trail's logins (names fixed by service-support's migration, which grants them):
  # the gRPC services and fhir-api insert as the writer, the BFF and fhir-api read as the reader,
  # and erasure (ForgetPatient) deletes a patient's key as the eraser, which no serving pod gets.
  audit_logins = {
    "audit-writer" = "medicore_audit_writer"
    "audit-reader" = "medicore_audit_reader"
    "audit-eraser" = "medicore_audit_eraser"
  }
  # The audit trail's keys (service-support's AuditKeys, medicore.audit.keys.*), one secret each,
  # the same for every workload that writes or reads the trail.
  audit_keys = {
    # Never rotated automatically, and no rotation is configured: a pseudonym (HMAC of a patient's
    # id) finds that patient's data key, and the erasure record names the patient by it; a new key
    # would lose every patient's key and make "was this patient erased?" unanswerable.
    "audit-pseudonym-key" = "HMAC key of the audit trail's pseudonyms (medicore.audit.keys.pseudonym-key): never rotated"
    # Rotating it means more than a new value: the services would need to unwrap with the old and
    # the new key (a key id beside each wrapped key, which audit.patient_key does not keep yet), a
    # Job would re-wrap every row of audit.patient_key, and only then may the old key go; until it
    # goes, backups and WAL holding erased patients' wrapped keys can still be opened with it. A new
    # value put here alone opens no patient's key: every call about a patient already in the trail
    # fails, since its record cannot be written.
    "audit-key-encryption-key" = "Key-encryption key of the audit trail's patient data keys (medicore.audit.keys.key-encryption-key)"
  }
  # What the AWS rotation functions need besides the login: where, and (multi-user) the master
  # secret they create the alternate user with. ssl = true: they connect with verify-full (their
  # runtime's CA store) and never fall back to a connection without TLS.
  connection = {
    engine    = "postgres"
    host      = var.db_address
    port      = tostring(var.db_port)
    masterarn = var.master_secret_arns["services"]
    ssl       = true
  }
  jdbc_base          = "jdbc:postgresql://${var.db_address}:${var.db_port}"
  provisioner_secret = "db-provisioner"

  secrets = merge(
    {
      # The postgres-init Job's login: CREATEROLE and CREATEDB, not the master (README.md,
      # "Database logins").
      (local.provisioner_secret) = {
        description = "Provisioner login of the services' RDS instance (CREATEROLE, CREATEDB; not the master): postgres-init Job only"
        scheme      = "single"
        value = merge(local.connection, {
          dbname   = var.db_maintenance_database
          username = "medicore_provisioner"
          password = random_password.provisioner.result
        })
      }
      "partner-client" = {
        description = "Client secret of the Keycloak client medicore-partner (client credentials)"
        value = {
          client_id     = "medicore-partner"
          client_secret = random_password.partner_client.result
        }
      }
      "bff-client" = {
        description = "Client secret of the Keycloak client medicore-bff (self-registration through the admin API)"
        value = {
          client_id     = "medicore-bff"
          client_secret = random_password.bff_client.result
        }
      }
      "account-eraser-client" = {
        description = "Client secret of the Keycloak client medicore-account-eraser (patient-service deletes an erased patient's login)"
        value = {
          client_id     = "medicore-account-eraser"
          client_secret = random_password.account_eraser_client.result
        }
      }
      "notification-unsubscribe" = {
        description = "Key notification-service signs its unsubscribe links with"
        value = {
          secret = random_password.notification_unsubscribe.result
        }
      }
      "platform" = {
        description = "Endpoints the services read (MSK bootstrap servers)"
        value = {
          kafka_bootstrap_brokers = var.kafka_bootstrap_brokers
        }
      }
    },
    {
      for key, db in local.service_databases : key => {
        description = "Login of ${db.username} to database ${db.database}"
        scheme      = db.scheme
        value = merge(local.connection, {
          dbname   = db.database
          username = db.username
          password = random_password.service_db[key].result
          jdbc_url = "${local.jdbc_base}/${db.database}?${var.jdbc_tls_parameters}"
        })
      }
    },
    {
      for key, username in local.audit_logins : key => {
        description = "Login of ${username} to database audit"
        scheme      = "multi-services"
        value = merge(local.connection, {
          dbname   = "audit"
          username = username
          password = random_password.audit_login[key].result
          jdbc_url = "${local.jdbc_base}/audit?${var.jdbc_tls_parameters}"
        })
      }
    },
  )
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = local.secrets
  name                    = "${var.name}/${each.key}"
  description             = each.value.description
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
}

resource "aws_secretsmanager_secret" "audit_key" {
  for_each                = local.audit_keys
  name                    = "${var.name}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
}

# Written once: Terraform never puts another value (a replaced random_bytes included), since a new
# key would leave the trail's sealed values unreadable; no rotation is attached (see local.audit_keys).
resource "aws_secretsmanager_secret_version" "audit_key" {
  for_each      = local.audit_keys
  secret_id     = aws_secretsmanager_secret.audit_key[each.key].id
  secret_string = jsonencode({ key = random_bytes.audit_key[each.key].base64 })
  lifecycle {
    ignore_changes = [secret_string]
  }
}

# Keys of the alert receivers (properties pagerduty_routing_key, slack_webhook_url): they belong
# to accounts outside AWS, so an operator puts the value (infra-terraform/README.md, "Alerts");
# Terraform makes the secret, encrypted and readable by External Secrets like the others.
resource "aws_secretsmanager_secret" "alerting" {
  name                    = "${var.name}/alerting"
  description             = "Alert receivers: PagerDuty routing key and Slack webhook URL (value put by an operator)"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
}

# notification-service's SMTP login (properties username, password) for Amazon SES's SMTP interface:
# SES derives it from an IAM user's key, which this Terraform does not make, so an operator puts
# the value (infra-terraform/README.md, "Notifications").
resource "aws_secretsmanager_secret" "notification_smtp" {
  name                    = "${var.name}/notification-smtp"
  description             = "SMTP login of notification-service at Amazon SES (value put by an operator)"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
}

locals {
  logins = { for key, secret in local.secrets : key => secret if can(secret.scheme) }
}

resource "aws_secretsmanager_secret_version" "this" {
  for_each      = { for key, secret in local.secrets : key => secret if !can(secret.scheme) }
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = jsonencode(each.value.value)
}

# A database login's first value; from then on its rotation writes it (rotation.tf).
resource "aws_secretsmanager_secret_version" "login" {
  for_each      = local.logins
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = jsonencode(each.value.value)
  lifecycle {
    ignore_changes = [secret_string]
  }
}

# For the External Secrets Operator: read these secrets (by ARN) and decrypt with this key.
data "aws_iam_policy_document" "read" {
  statement {
    sid       = "ReadEnvironmentSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = concat([for secret in aws_secretsmanager_secret.this : secret.arn], [for secret in aws_secretsmanager_secret.audit_key : secret.arn], [aws_secretsmanager_secret.alerting.arn, aws_secretsmanager_secret.notification_smtp.arn])
  }
  statement {
    sid       = "DecryptEnvironmentSecrets"
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.this.arn]
  }
}
