"""The API's namespaces, one module per branch of the URL tree.

``actors`` (/actors), ``clouds`` (/clouds), ``integrations`` (/integrations and their versions),
``tenants`` (/tenants), ``tenant`` (/tenant: state, application, scoping, rollovers, schedules)
and ``ingestions`` (/ingestions). Each method checks its arguments, calls the generated
``build_request`` of its operation (typed: a misspelt argument fails type checking), sends it
through the client's pipeline and returns the generated models, never the ``{"data": ...}``
envelope. Lists return an :class:`~kimono_interop.AsyncPager`.
"""
