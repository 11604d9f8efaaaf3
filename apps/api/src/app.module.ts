import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { dataSourceOptions } from '@app/persistence';
import { loggerParams, RedisModule, type AppConfig } from '@app/platform';
import { AuthGuard } from './auth/auth.guard.js';
import { Authenticator } from './auth/authenticator.js';
import { RolesChangedInterceptor } from './auth/roles-changed.interceptor.js';
import { AuthConfigController } from './auth/auth-config.controller.js';
import { DevLoginController, MeController } from './auth/auth.controllers.js';
import { PrincipalService } from './auth/principal.service.js';
import { TokenService } from './auth/token.service.js';
import { FEATURE_MODULES } from './features.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { RateLimits } from './rate-limit/rate-limits.js';
import { CatalogController } from './catalog/catalog.controller.js';
import { HealthController } from './health/health.controller.js';
import { PeopleController } from './organisation/people.controller.js';
import { UnitsController } from './organisation/units.controller.js';
import { webUiModules } from './web-ui.js';
import { DevCitizenLoginController } from './citizen/citizen-login.controller.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** Tests capture log lines here. */
  logDestination?: NodeJS.WritableStream;
}

@Module({})
export class AppModule {
  static forRoot({ config, logDestination }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ app: config })] }),
        LoggerModule.forRoot(loggerParams(config, logDestination)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        RedisModule,
        TerminusModule,
        ...FEATURE_MODULES,
        ...webUiModules(),
      ],
      controllers: [
        HealthController,
        AuthConfigController,
        ...(config.authMode === 'dev' ? [DevLoginController, DevCitizenLoginController] : []),
        MeController,
        UnitsController,
        PeopleController,
        CatalogController,
      ],
      providers: [
        TokenService,
        PrincipalService,
        Authenticator,
        RateLimits,
        // In this order: the rate limit counts writes per authenticated user.
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_INTERCEPTOR, useClass: RolesChangedInterceptor },
      ],
      exports: [PrincipalService, Authenticator],
    };
  }
}
