import { Module } from '@nestjs/common';
import { CaseCoreModule } from '../case-core/case-core.module.js';
import { ConsentsController } from './consents.controller.js';
import { ConsentsService } from './consents.service.js';

@Module({ imports: [CaseCoreModule], controllers: [ConsentsController], providers: [ConsentsService] })
export class ConsentsModule {}
