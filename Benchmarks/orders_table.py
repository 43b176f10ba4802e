"""The benchmark's input: a seeded table of orders with mixed Parquet types."""

import numpy as np
import pyarrow as pa

STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled"]
STATUS_WEIGHTS = [0.05, 0.15, 0.20, 0.55, 0.05]
COUNTRIES = [
    "US", "DE", "GB", "FR", "JP", "CN", "IN", "BR", "CA", "AU", "IT", "ES", "NL", "SE", "CH",
    "PL", "BE", "AT", "NO", "DK", "FI", "IE", "PT", "GR", "CZ", "HU", "RO", "MX", "AR", "CL",
    "CO", "PE", "ZA", "NG", "EG", "KE", "MA", "TR", "IL", "AE", "SA", "KR", "TW", "SG", "MY",
    "TH", "VN", "ID", "PH", "NZ",
]

SCHEMA = pa.schema([
    pa.field("id", pa.int64(), nullable=False),
    pa.field("customer_id", pa.int32(), nullable=False),
    pa.field("quantity", pa.int32()),
    pa.field("amount", pa.float64(), nullable=False),
    pa.field("discount", pa.float64()),
    pa.field("order_date", pa.date32(), nullable=False),
    pa.field("created_at", pa.timestamp("us", tz="UTC"), nullable=False),
    pa.field("status", pa.string(), nullable=False),
    pa.field("country", pa.string()),
    pa.field("is_gift", pa.bool_(), nullable=False),
])


def orders(rows: int, seed: int = 20240601) -> pa.Table:
    """`rows` orders: sequential ids, random customers, ~10% null quantities,
    cent amounts, ~40% null discounts, dates in 2020-2025 with microsecond
    timestamps on the same day, 5 skewed statuses, 50 Zipf-like countries
    (~5% null) and ~5% gifts."""
    rng = np.random.default_rng(seed)
    day_us = 86_400_000_000
    order_date = rng.integers(18_262, 20_454, rows, dtype=np.int32)  # 2020-01-01 .. 2025-12-31
    created_at = order_date.astype(np.int64) * day_us + rng.integers(0, day_us, rows, dtype=np.int64)
    country_weights = 1.0 / np.arange(1, len(COUNTRIES) + 1)
    country_weights /= country_weights.sum()
    country_index = rng.choice(len(COUNTRIES), rows, p=country_weights).astype(np.int32)
    status_index = rng.choice(len(STATUSES), rows, p=STATUS_WEIGHTS).astype(np.int32)
    columns = [
        pa.array(np.arange(rows, dtype=np.int64)),
        pa.array(rng.integers(0, 1_000_000, rows, dtype=np.int32)),
        pa.array(rng.integers(1, 100, rows, dtype=np.int32), mask=rng.random(rows) < 0.10),
        pa.array(np.round(rng.lognormal(3.5, 1.0, rows), 2)),
        pa.array(np.round(rng.random(rows) * 0.5, 2), mask=rng.random(rows) < 0.40),
        pa.array(order_date, type=pa.date32()),
        pa.array(created_at, type=pa.timestamp("us", tz="UTC")),
        pa.array(STATUSES).take(pa.array(status_index)),
        pa.array(COUNTRIES).take(pa.array(country_index, mask=rng.random(rows) < 0.05)),
        pa.array(rng.random(rows) < 0.05),
    ]
    return pa.Table.from_arrays(columns, schema=SCHEMA)
