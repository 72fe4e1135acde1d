data "aws_iam_policy_document" "cluster_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "cluster" {
  name               = "${var.name}-cluster"
  assume_role_policy = data.aws_iam_policy_document.cluster_assume.json
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

# Security groups for pods: EKS's VPC resource controller, acting as the cluster role, attaches a
# trunk interface to each node and a branch interface, carrying the pod's groups, to each pod a
# SecurityGroupPolicy selects.
resource "aws_iam_role_policy_attachment" "vpc_resource_controller" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSVPCResourceController"
}

# Kubernetes Secrets are envelope-encrypted with a key of this cluster.
resource "aws_kms_key" "secrets" {
  description         = "${var.name}: EKS secrets envelope encryption"
  enable_key_rotation = true
}

resource "aws_eks_cluster" "this" {
  name     = var.name
  version  = var.kubernetes_version
  role_arn = aws_iam_role.cluster.arn

  access_config {
    authentication_mode = "API"
  }

  vpc_config {
    subnet_ids              = var.subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = length(var.public_endpoint_cidrs) > 0
    public_access_cidrs     = length(var.public_endpoint_cidrs) > 0 ? var.public_endpoint_cidrs : null
  }

  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.secrets.arn
    }
  }

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  depends_on = [aws_iam_role_policy_attachment.cluster, aws_iam_role_policy_attachment.vpc_resource_controller, aws_cloudwatch_log_group.cluster]
}

# The control plane's log group, made before the cluster so EKS doesn't make one that keeps
# everything forever unencrypted.
resource "aws_cloudwatch_log_group" "cluster" {
  name              = "/aws/eks/${var.name}/cluster"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
}

data "aws_iam_policy_document" "node_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name               = "${var.name}-node"
  assume_role_policy = data.aws_iam_policy_document.node_assume.json
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
  ])
  role       = aws_iam_role.node.name
  policy_arn = each.value
}

# Nodes: an encrypted root volume, and instance metadata through IMDSv2 only with one hop, so a
# pod (a hop further than the node) can't read the node role's credentials: pods get theirs from
# Pod Identity. (The AWS Load Balancer Controller then needs its region and VPC id as flags.)
resource "aws_launch_template" "node" {
  name_prefix            = "${var.name}-node-"
  update_default_version = true

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 50
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${var.name}-node" }
  }
}

resource "aws_eks_node_group" "default" {
  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "${var.name}-default"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  instance_types  = var.node_instance_types
  capacity_type   = "ON_DEMAND"

  launch_template {
    id      = aws_launch_template.node.id
    version = aws_launch_template.node.latest_version
  }

  scaling_config {
    min_size     = var.node_min_size
    desired_size = var.node_desired_size
    max_size     = var.node_max_size
  }

  update_config {
    max_unavailable = 1
  }

  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]
  }

  depends_on = [aws_iam_role_policy_attachment.node]
}

locals {
  vpc_cni_configuration = {
    # The VPC CNI enforces the namespace's NetworkPolicies (infra-terraform/kubernetes): without
    # this the default-deny would be accepted and ignored.
    enableNetworkPolicy = "true"
    env = {
      # Security groups for pods: a pod a SecurityGroupPolicy selects gets its own branch
      # interface with its workload's group, which is what RDS and MSK admit (pod_security_groups).
      ENABLE_POD_ENI = "true"
      # "standard", not the default "strict": the groups decide what a pod exchanges with other
      # hosts of the VPC (RDS, MSK, the internal balancer, pods on other nodes), while traffic
      # within the node (the kubelet's probes, pods next to it) is left to the NetworkPolicies,
      # which keep deciding who talks to whom in the cluster. Strict mode enforces the groups
      # on all of a pod's traffic and drops its link-local traffic (the Pod Identity agent).
      POD_SECURITY_GROUP_ENFORCING_MODE = "standard"
    }
    # The kubelet's TCP probes reach a pod on its branch interface only without early demux.
    init = {
      env = {
        DISABLE_TCP_EARLY_DEMUX = "true"
      }
    }
  }
}

resource "aws_eks_addon" "this" {
  for_each             = toset(["vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent"])
  cluster_name         = aws_eks_cluster.this.name
  addon_name           = each.value
  configuration_values = each.value == "vpc-cni" ? jsonencode(local.vpc_cni_configuration) : null
  depends_on           = [aws_eks_node_group.default]
}

# One security group per workload that reaches a server outside the cluster (RDS, MSK, an
# internal balancer): the servers admit these groups, not the cluster's, so a pod of another
# workload is refused before it could try a password. The groups hold no rules of their own:
# the SecurityGroupPolicies give each pod its group and the cluster security group, whose rules
# (all traffic between the cluster's members, all egress) keep DNS, the control plane and the
# calls between pods working; the NetworkPolicies narrow those. They carry no
# kubernetes.io/cluster tag, so the Load Balancer Controller opens its balancers' ports on the
# cluster group, the one such group of a pod's interface.
resource "aws_security_group" "pod" {
  for_each    = var.pod_security_groups
  name        = "${var.name}-pod-${each.key}"
  description = "${var.name}: pods of ${each.key} (security groups for pods)"
  vpc_id      = var.vpc_id
}

# Workload access: one role per service account, assumed through EKS Pod Identity.
data "aws_iam_policy_document" "pod_assume" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "pod" {
  for_each                = var.pod_identities
  source_policy_documents = each.value.policy_jsons
}

resource "aws_iam_role" "pod" {
  for_each           = var.pod_identities
  name               = "${var.name}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.pod_assume.json
}

resource "aws_iam_role_policy" "pod" {
  for_each = var.pod_identities
  name     = "access"
  role     = aws_iam_role.pod[each.key].id
  policy   = data.aws_iam_policy_document.pod[each.key].json
}

resource "aws_eks_pod_identity_association" "this" {
  for_each        = var.pod_identities
  cluster_name    = aws_eks_cluster.this.name
  namespace       = each.value.namespace
  service_account = each.value.service_account
  role_arn        = aws_iam_role.pod[each.key].arn
  depends_on      = [aws_eks_addon.this]
}
