# Rotation of every database login with AWS's own rotation functions for RDS PostgreSQL (the
# Serverless Application Repository's SecretsManagerRDSPostgreSQLRotation*), in the VPC:
# - multi-user for the logins of running pods (services, the audit writer and reader, Keycloak):
#   each rotation switches between <user> and <user>_clone, the clone created by the RDS master
#   with the user's grants, so the previous password stays valid for one rotation period while
#   External Secrets brings the new one and the pods restart;
# - single-user for the logins used in short runs (the owners by the migration Job, the
#   provisioner by postgres-init): the login changes its own password, so ownership and role
#   attributes (CREATEROLE, CREATEDB), which a clone would not inherit, stay with one role.
locals {
  single_user = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser"
  multi_user  = "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationMultiUser"
  # One single-user function; a multi-user function per instance, each allowed its master secret only.
  rotation_functions = merge(
    { single = { application = local.single_user, master_secret_arn = null } },
    { for instance, arn in var.master_secret_arns : "multi-${instance}" => { application = local.multi_user, master_secret_arn = arn } },
  )
}

data "aws_region" "current" {}

resource "aws_security_group" "rotation" {
  name        = "${var.name}-secret-rotation"
  description = "${var.name}: the secret rotation functions (PostgreSQL, Secrets Manager over HTTPS)"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_egress_rule" "rotation_https" {
  security_group_id = aws_security_group.rotation.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "Secrets Manager, KMS and RDS APIs"
}

resource "aws_vpc_security_group_egress_rule" "rotation_database" {
  for_each                     = var.database_security_group_ids
  security_group_id            = aws_security_group.rotation.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL of ${each.key}"
}

resource "aws_vpc_security_group_ingress_rule" "database_from_rotation" {
  for_each                     = var.database_security_group_ids
  security_group_id            = each.value
  referenced_security_group_id = aws_security_group.rotation.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "Secret rotation"
}

# Made before the functions so Lambda doesn't make them unencrypted and kept forever.
resource "aws_cloudwatch_log_group" "rotation" {
  for_each          = local.rotation_functions
  name              = "/aws/lambda/${var.name}-rotate-${each.key}-user"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
}

resource "aws_serverlessapplicationrepository_cloudformation_stack" "rotation" {
  for_each       = local.rotation_functions
  name           = "${var.name}-rotate-${each.key}-user"
  application_id = each.value.application
  capabilities   = ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"]
  parameters = merge(
    {
      endpoint            = "https://secretsmanager.${data.aws_region.current.region}.amazonaws.com"
      functionName        = "${var.name}-rotate-${each.key}-user"
      kmsKeyArn           = aws_kms_key.this.arn
      vpcSubnetIds        = join(",", var.subnet_ids)
      vpcSecurityGroupIds = aws_security_group.rotation.id
    },
    # A multi-user function reads its instance's master secret (RDS's own, with this key).
    each.value.master_secret_arn == null ? {} : { masterSecretArn = each.value.master_secret_arn, masterSecretKmsKeyArn = aws_kms_key.this.arn },
  )
  depends_on = [aws_cloudwatch_log_group.rotation]
}

resource "aws_secretsmanager_secret_rotation" "login" {
  for_each            = local.logins
  secret_id           = aws_secretsmanager_secret.this[each.key].id
  rotation_lambda_arn = aws_serverlessapplicationrepository_cloudformation_stack.rotation[each.value.scheme].outputs["RotationLambdaARN"]
  # The first rotation after a period, not at once: the logins exist only after the
  # provisioners and postgres-init have run.
  rotate_immediately = false
  rotation_rules {
    automatically_after_days = var.rotation_days
  }
  depends_on = [aws_secretsmanager_secret_version.login]
}
