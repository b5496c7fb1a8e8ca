using Microsoft.EntityFrameworkCore;

namespace StepUp.DevelopmentDirectory.Protocol;

/// <summary>OpenIddict's application, authorization and token entities, in EF Core's in-memory database.</summary>
internal sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options);
