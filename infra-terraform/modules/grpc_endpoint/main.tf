# One service's gRPC port for callers in the VPC but outside the cluster (the lab processor
# Lambda calls patient-service): an internal Network Load Balancer whose target group the AWS
# Load Balancer Controller fills with the service's pods (a TargetGroupBinding in
# infra-terraform/kubernetes), so Terraform knows the address before any pod exists.
resource "aws_security_group" "this" {
  name        = "${var.name}-nlb"
  description = "${var.name}: gRPC from the named clients only"
  vpc_id      = var.vpc_id
}

# Each client may reach the balancer's port, and nothing else through it.
resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each                     = var.client_security_group_ids
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  description                  = "gRPC from ${each.key}"
}

resource "aws_vpc_security_group_egress_rule" "clients" {
  for_each                     = var.client_security_group_ids
  security_group_id            = each.value
  referenced_security_group_id = aws_security_group.this.id
  ip_protocol                  = "tcp"
  from_port                    = var.port
  to_port                      = var.port
  description                  = "gRPC to ${var.name}"
}

# The balancer forwards to the pods and asks their readiness on the management port.
locals {
  target_ports = { grpc = var.port, health = var.health_check_port }
}

resource "aws_vpc_security_group_egress_rule" "targets" {
  for_each                     = local.target_ports
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = var.target_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "${each.key} to the pods"
}

resource "aws_vpc_security_group_ingress_rule" "targets" {
  for_each                     = local.target_ports
  security_group_id            = var.target_security_group_id
  referenced_security_group_id = aws_security_group.this.id
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  description                  = "${each.key} from ${var.name}"
}

resource "aws_lb" "this" {
  name                             = var.name
  internal                         = true
  load_balancer_type               = "network"
  subnets                          = var.subnet_ids
  security_groups                  = [aws_security_group.this.id]
  enable_cross_zone_load_balancing = true
  enable_deletion_protection       = var.deletion_protection
  access_logs {
    bucket  = var.access_logs_bucket
    prefix  = var.access_logs_prefix
    enabled = true
  }
}

resource "aws_lb_target_group" "this" {
  name                 = var.name
  vpc_id               = var.vpc_id
  target_type          = "ip"
  protocol             = "TCP"
  port                 = var.port
  deregistration_delay = 30

  health_check {
    protocol            = "HTTP"
    port                = tostring(var.health_check_port)
    path                = var.health_check_path
    matcher             = "200"
    interval            = 10
    healthy_threshold   = 2
    unhealthy_threshold = 2
  }
}

resource "aws_lb_listener" "this" {
  load_balancer_arn = aws_lb.this.arn
  port              = var.port
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}
