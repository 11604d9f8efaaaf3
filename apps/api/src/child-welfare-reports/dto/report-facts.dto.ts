import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PHONE_PATTERN } from '../report-document.js';

/** One line of text: the KS schema's `^(.*)$` allows no line break. */
const ONE_LINE = /^[^\r\n\u2028\u2029]*$/;
const ONE_LINE_MESSAGE = 'må stå på én linje';

/** A postal address (adresse.json of the KS schema): the child's at POST /cases, or in the report payload. */
export class PostalAddressDto {
  @ApiProperty({ maxLength: 200, example: 'Storgata 1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE })
  line1!: string;

  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE }) line2?: string;
  @ApiPropertyOptional({ maxLength: 200 }) @IsOptional() @IsString() @MaxLength(200) @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE }) line3?: string;
  @ApiPropertyOptional({ maxLength: 10, example: '4611' }) @IsOptional() @IsString() @MaxLength(10) @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE }) postalCode?: string;
  @ApiPropertyOptional({ maxLength: 100, example: 'Kristiansand' }) @IsOptional() @IsString() @MaxLength(100) @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE }) postalPlace?: string;
}

/** A guardian named in the report when the case has none recorded (or to replace them in the report). */
export class ReportGuardianDto {
  @ApiProperty({ maxLength: 100 }) @IsString() @IsNotEmpty() @MaxLength(100) @Matches(ONE_LINE, { message: ONE_LINE_MESSAGE }) name!: string;
  @ApiProperty({ example: 'mor', maxLength: 40 }) @IsString() @IsNotEmpty() @MaxLength(40) relation!: string;
  @ApiProperty({ description: 'Har foreldreansvar' }) @IsBoolean() parentalResponsibility!: boolean;
  @ApiPropertyOptional({ example: '+47 912 34 567', maxLength: 30 })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  @Matches(PHONE_PATTERN, { message: 'må være et telefonnummer (sifre, ev. + først og mellomrom eller bindestrek)' })
  phone?: string;
}
