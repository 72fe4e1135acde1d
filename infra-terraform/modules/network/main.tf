data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, var.az_count)
  # /16 -> /20 subnets: public at 0..2 (the first half), private at 8..10 (the second half).
  # The cluster's NetworkPolicies admit the public half (the internet-facing load balancer),
  # the balancers' /24 (internal balancers) and reach the private half (databases, brokers).
  public_range   = cidrsubnet(var.cidr_block, 1, 0)
  private_range  = cidrsubnet(var.cidr_block, 1, 1)
  balancer_range = cidrsubnet(var.cidr_block, 8, 255)
  public_cidrs   = [for i in range(var.az_count) : cidrsubnet(var.cidr_block, 4, i)]
  private_cidrs  = [for i in range(var.az_count) : cidrsubnet(var.cidr_block, 4, i + 8)]
  balancer_cidrs = [for i in range(var.az_count) : cidrsubnet(local.balancer_range, 3, i)]
  nat_count      = var.single_nat_gateway ? 1 : var.az_count
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = var.name }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = var.name }
}

resource "aws_subnet" "public" {
  count             = var.az_count
  vpc_id            = aws_vpc.this.id
  cidr_block        = local.public_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags = {
    Name                     = "${var.name}-public-${local.azs[count.index]}"
    "kubernetes.io/role/elb" = "1"
  }
}

resource "aws_subnet" "private" {
  count             = var.az_count
  vpc_id            = aws_vpc.this.id
  cidr_block        = local.private_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags = {
    Name                              = "${var.name}-private-${local.azs[count.index]}"
    "kubernetes.io/role/internal-elb" = "1"
  }
}

# Internal load balancers only (a /27 per AZ): no node, so no pod, ever has an address here, and
# a NetworkPolicy may admit this range without admitting the cluster. The VPC's main route table
# (local routes only) serves them: a balancer answers its callers and reaches its targets.
resource "aws_subnet" "balancer" {
  count             = var.az_count
  vpc_id            = aws_vpc.this.id
  cidr_block        = local.balancer_cidrs[count.index]
  availability_zone = local.azs[count.index]
  tags = {
    Name = "${var.name}-balancer-${local.azs[count.index]}"
  }
}

resource "aws_eip" "nat" {
  count  = local.nat_count
  domain = "vpc"
  tags   = { Name = "${var.name}-nat-${count.index}" }
}

resource "aws_nat_gateway" "this" {
  count         = local.nat_count
  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id
  tags          = { Name = "${var.name}-nat-${count.index}" }
  depends_on    = [aws_internet_gateway.this]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }
  tags = { Name = "${var.name}-public" }
}

resource "aws_route_table_association" "public" {
  count          = var.az_count
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  count  = var.az_count
  vpc_id = aws_vpc.this.id
  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.this[var.single_nat_gateway ? 0 : count.index].id
  }
  tags = { Name = "${var.name}-private-${local.azs[count.index]}" }
}

resource "aws_route_table_association" "private" {
  count          = var.az_count
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private[count.index].id
}

# DynamoDB and S3 traffic from the private subnets stays on the AWS network (gateway endpoints).
resource "aws_vpc_endpoint" "gateway" {
  for_each          = toset(["dynamodb", "s3"])
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.region}.${each.key}"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id
  tags              = { Name = "${var.name}-${each.key}" }
}

data "aws_region" "current" {}
