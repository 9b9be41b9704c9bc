"""Query-root resolvers and the per-request DataLoaders, one module per domain.

Data flows one way: GraphQL field -> resolver (here) -> loader (here) -> backend client -> HTTP.
"""
