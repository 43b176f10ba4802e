{{ config(alias='products') }}
{{ bronze_json('products', 'catalog/products.json') }}
